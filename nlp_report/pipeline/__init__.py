"""What spaCy runs: the layout tokenizer, the components, their factories, the Doc's annotations, Doc -> Report."""
