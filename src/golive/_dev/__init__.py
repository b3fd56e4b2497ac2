"""Maintenance scripts for golive's developers; never imported by a scan."""
