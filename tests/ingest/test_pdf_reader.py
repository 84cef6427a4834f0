"""PDF specifics: encrypted files readable in any viewer are read; the real reason otherwise."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter

from kb.errors import IngestError
from kb.ingest import prepare_bytes

from .conftest import build_pdf

LINES = ["遵义市数字经济发展实施方案", "到2025年，全市数字经济规模达到1000亿元。"]


def _encrypted(algorithm: str, user_password: str = "") -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(build_pdf(LINES))))
    writer.encrypt(user_password=user_password, owner_password="owner-only", algorithm=algorithm)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256", "RC4-128"])
def test_owner_password_only_pdf_is_read(algorithm):
    doc = prepare_bytes("locked.pdf", _encrypted(algorithm))
    assert doc.body.split("\n") == LINES


def test_user_password_pdf_is_refused_by_name():
    with pytest.raises(IngestError, match=r"encrypted PDF \(password required\)"):
        prepare_bytes("locked.pdf", _encrypted("AES-256", user_password="open-me"))


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256"])
def test_without_a_crypto_provider_the_reason_is_named(monkeypatch, algorithm):
    """pypdf's own fallback provider (what runs when `cryptography` is missing) has no AES."""
    from pypdf import _encryption
    from pypdf._crypt_providers import _fallback

    data = _encrypted(algorithm)
    for name in ("CryptAES", "aes_cbc_decrypt", "aes_ecb_decrypt", "aes_cbc_encrypt", "aes_ecb_encrypt"):
        monkeypatch.setattr(_encryption, name, getattr(_fallback, name))
    with pytest.raises(IngestError) as err:
        prepare_bytes("locked.pdf", data)
    assert "needs the 'cryptography' package" in err.value.reason
