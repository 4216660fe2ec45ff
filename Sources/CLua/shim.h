#ifndef LIMBER_CLUA_SHIM_H
#define LIMBER_CLUA_SHIM_H
/* Debian's liblua5.4-dev installs its headers under lua5.4/. */
#include <lua5.4/lua.h>
#include <lua5.4/lauxlib.h>
#include <lua5.4/lualib.h>
#endif
