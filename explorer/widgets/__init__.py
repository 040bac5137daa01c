"""Small widgets that carry their own bindings."""
