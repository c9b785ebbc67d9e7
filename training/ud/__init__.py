"""The Dutch base pipeline trained on the Universal Dependencies treebanks in ``../shared/ud``.

``python -m training.ud build`` converts the treebanks, trains the pipeline
with ``config.cfg`` and packages it under ``models/``; see ``docs/model.md``.
"""
