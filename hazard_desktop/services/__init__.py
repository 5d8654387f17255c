"""Use cases: plain functions taking a unit of work. No Qt, no SQLAlchemy."""
