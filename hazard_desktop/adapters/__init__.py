"""Infrastructure: SQLAlchemy storage, Alembic migrations, PDF and file formats. Never PySide6."""
