from banen_qa.cli import app

app()
