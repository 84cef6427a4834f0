"""One widget per module; views hold layout only and emit signals for actions."""
