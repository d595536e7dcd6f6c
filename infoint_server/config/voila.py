# Voila's config file for the workbook app: Voila reads ``voila.py`` from its config paths, as
# standalone ``voila`` (make app: --Voila.config_file_paths) and as a Jupyter Server extension
# (binder/postBuild copies this file into ~/.jupyter). Why: see infoint_server's docstring.
from infoint_server import prepare_page

c = get_config()  # noqa: F821 (traitlets defines get_config for config files)
c.VoilaConfiguration.prelaunch_hook = prepare_page
