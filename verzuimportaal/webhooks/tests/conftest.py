from verzuimportaal.aanvragen.tests.conftest import behandelaar

__all__ = ["behandelaar"]  # operator staff who decide on a case (besluit.genomen)
