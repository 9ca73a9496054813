"""The extension is self-contained as a wheel ships it: the C library and its reader are linked
statically (a wheel carries no libyrkesresa.so or libyrkesresa-read.so), and only system
libraries (libzip, expat, utf8proc, libc) are needed at run time."""

import shutil
import subprocess

import pytest

from yrkesresa import _native


def test_the_extension_needs_no_libyrkesresa():
    readelf = shutil.which("readelf")
    if readelf is None:
        pytest.fail("readelf (binutils) is needed to check the extension's dependencies")
    dynamic = subprocess.run([readelf, "-d", _native.__file__], check=True,
                             capture_output=True, text=True).stdout
    needed = [line.split("[")[1].rstrip("]") for line in dynamic.splitlines()
              if "(NEEDED)" in line]
    assert needed, dynamic
    assert not [n for n in needed if n.startswith("libyrkesresa")], needed
    assert [n for n in needed if n.startswith("libzip")], needed  # the reader is in
