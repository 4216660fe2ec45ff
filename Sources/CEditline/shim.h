#ifndef LIMBER_CEDITLINE_SHIM_H
#define LIMBER_CEDITLINE_SHIM_H
/* Debian's libedit-dev: the readline-compatible interface of libedit. */
#include <stdio.h>
#include <editline/readline.h>
#endif
