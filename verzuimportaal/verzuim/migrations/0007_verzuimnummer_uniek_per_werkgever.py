"""After 0006 filled them (a separate transaction: PostgreSQL refuses ALTER TABLE while the
updates of 0004 still have deferred foreign-key checks pending)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("verzuim", "0006_verzuimnummer_per_werkgever")]

    operations = [
        migrations.AlterField(
            model_name="verzuimgeval",
            name="werkgever",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="werkgevers.werkgever",
                verbose_name="werkgever van het verzuimnummer",
            ),
        ),
        migrations.AlterField(
            model_name="verzuimgeval",
            name="verzuimnummer",
            field=models.CharField(max_length=20, verbose_name="verzuimnummer"),
        ),
        migrations.AddConstraint(
            model_name="verzuimgeval",
            constraint=models.UniqueConstraint(
                fields=("werkgever", "verzuimnummer"), name="verzuimnummer_uniek_per_werkgever"
            ),
        ),
    ]
