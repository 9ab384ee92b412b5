"""`reeblog import`: a Jekyll site made a ready MkDocs project in one command.

`plan.py` decides what to write (pure: it reads the Jekyll site and writes nothing),
`config_map.py` maps the `_config.yml` to `mkdocs.yml` and lists what it cannot map,
`cli.py` is the command (argparse) that writes the plan.
"""
