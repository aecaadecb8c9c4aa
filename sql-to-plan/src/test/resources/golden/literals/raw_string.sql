SELECT r'raw\n'
