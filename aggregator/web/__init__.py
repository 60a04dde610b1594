"""The desk's web pages on Datasette: home, deal, player, club and outlet pages, their pictures and feeds."""
