"""Naba: knowledge graphs from Arabic news."""
