"""The official semester report as a Word document (docxtpl).

- :mod:`.render`: ``export_report(period, out_path, options, progress)``, ``ExportOptions``, ``ExportError``
  (the entry points for the GUI, the CLI and the safety helper);
- :mod:`.context`: ``build_context(plan, period)``, the plain data the template prints;
- :mod:`.text`: characters XML cannot carry, descriptions → paragraphs/bullets/links;
- :mod:`.layout`: inserted Word paragraphs, action-table widths, schema order, the empty-cell guard;
- :mod:`.docx_check`: reading a .docx back at the XML level and the sanity check run before saving.

The template is ``templates/raport_semestrial.docx`` (made by ``tools/make_template.py``; tags in
``templates/README.md``).
"""
