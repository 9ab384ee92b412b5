"""Reading a Jekyll site as Jekyll reads it (pure: nothing here imports MkDocs)."""
