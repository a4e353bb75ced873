"""The command-line interface: one module per command or command group."""
