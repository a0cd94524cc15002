# cmake -DIN=file -DOUT=header.h -DVAR=name -P embed.cmake: the bytes of IN as
# `inline constexpr unsigned char VAR[] = {...};` in OUT.
file(READ ${IN} hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE ${OUT} "// Generated from ${IN} by fuzz/embed.cmake.\n#pragma once\ninline constexpr unsigned char ${VAR}[] = {\n${bytes}};\n")
