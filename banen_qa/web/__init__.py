"""The local web page and its JSON API (`banen-qa serve`)."""

from banen_qa.web.app import create_app, serve

__all__ = ["create_app", "serve"]
