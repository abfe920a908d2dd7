"""``koto serve``: the officials' and reviewers' web app over a data repository (kototieto.web)."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.argument("repo", default=".", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="Port (0: any free one)."
)
@click.option(
    "--lang", type=click.Choice(("fi", "sv", "en")), default="fi", show_default=True, help="Default language."
)
@click.option(
    "--trusted-user-header",
    metavar="HEADER",
    default=None,
    help="Behind an authenticating reverse proxy: take the user from this header (e.g. X-Remote-User).",
)
@click.option(
    "--trusted-proxy",
    "trusted_proxies",
    multiple=True,
    default=("127.0.0.1",),
    show_default=True,
    help="Peer address the user header is accepted from (repeatable).",
)
@click.option(
    "--allowed-host", "allowed_hosts", multiple=True, help="Extra Host header value to accept (repeatable)."
)
@click.option(
    "--comments",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="Consultation round folder for the reviewer pages (default: REPO/comments or REPO/../comments).",
)
def serve(
    repo: Path,
    port: int,
    lang: str,
    trusted_user_header: str | None,
    trusted_proxies: tuple[str, ...],
    allowed_hosts: tuple[str, ...],
    comments: Path | None,
) -> None:
    """Start the web app on 127.0.0.1 and print its address with a one-time access token.

    \b
    koto serve demo-out/repo
    koto serve . --port 9000 --lang sv
    """
    from kototieto.web.server import serve as run

    run(
        repo,
        port=port,
        lang=lang,
        user_header=trusted_user_header,
        trusted_proxies=trusted_proxies,
        allowed_hosts=allowed_hosts,
        comments=comments,
    )
