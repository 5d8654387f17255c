"""SQLAlchemy repositories: one module per aggregate, each returning frozen domain objects."""
