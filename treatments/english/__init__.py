"""The English status of treatment pages (treatments/README.md, "English status")."""
