"""Money rules without Django (DOMAIN §7): uitkering, UWV benefits, premium, invoices, costs."""
