"""PostgreSQL refuses UPDATE and DELETE on audit rows, whatever code or SQL client tries it.

The one exception is Django's SET_NULL when an account is removed: only ``gebruiker_id`` may
become NULL, every other column must stay the same. Not on SQLite (tests/demo only); the model
refuses changes there.
"""

from typing import Any

from django.db import migrations

MAAK = """
CREATE OR REPLACE FUNCTION audit_auditregel_alleen_toevoegen() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND NEW.gebruiker_id IS NULL
       AND (to_jsonb(NEW) - 'gebruiker_id') = (to_jsonb(OLD) - 'gebruiker_id') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'Auditregels kunnen niet worden gewijzigd of verwijderd (%).', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS audit_auditregel_alleen_toevoegen ON audit_auditregel;
CREATE TRIGGER audit_auditregel_alleen_toevoegen
    BEFORE UPDATE OR DELETE ON audit_auditregel
    FOR EACH ROW EXECUTE FUNCTION audit_auditregel_alleen_toevoegen();
"""

VERWIJDER = """
DROP TRIGGER IF EXISTS audit_auditregel_alleen_toevoegen ON audit_auditregel;
DROP FUNCTION IF EXISTS audit_auditregel_alleen_toevoegen();
"""


def maak_trigger(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(MAAK, params=None)


def verwijder_trigger(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(VERWIJDER, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(maak_trigger, verwijder_trigger)]
