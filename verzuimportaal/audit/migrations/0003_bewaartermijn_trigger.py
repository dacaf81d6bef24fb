"""The audit trail follows its own retention period (ADR 0020, ``bewaartermijnen.regels``).

The trigger of migration 0002 keeps refusing every UPDATE and DELETE, with one more exception:
a DELETE of a row older than five years, and only in a transaction that asked for it with
``SET LOCAL verzuimportaal.audit_bewaartermijn = 'verlopen'`` (the purge in
``bewaartermijnen.service`` does). A younger row cannot be removed by any code or SQL client.
The five years are fixed here on purpose: shortening the audit retention needs a new migration.
"""

from importlib import import_module
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
    IF TG_OP = 'DELETE'
       AND current_setting('verzuimportaal.audit_bewaartermijn', true) = 'verlopen'
       AND OLD.tijdstip < now() - interval '5 years' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'Auditregels kunnen niet worden gewijzigd of verwijderd (%).', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""

# Back to the function of migration 0002 (its MAAK also re-creates the trigger, harmlessly).
TERUG = import_module("verzuimportaal.audit.migrations.0002_alleen_toevoegen_trigger").MAAK


def maak(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(MAAK, params=None)


def terug(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TERUG, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_alleen_toevoegen_trigger")]

    operations = [migrations.RunPython(maak, terug)]
