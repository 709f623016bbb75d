/* libedit's readline interface, with accessors for its global variables (Swift 6 cannot touch C globals). */
#ifndef CEDITLINE_SHIM_H
#define CEDITLINE_SHIM_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <editline/readline.h>

/* Configures libedit for ecsh: no signal handlers of its own, our getc and completion callbacks. */
static inline void ceditline_configure(int (*getc_fn)(FILE *), rl_completion_func_t *complete, const char *word_breaks) {
    rl_catch_signals = 0;
    rl_readline_name = "ecsh";
    rl_completer_word_break_characters = strdup(word_breaks);
    rl_attempted_completion_function = complete;
    rl_getc_function = getc_fn;
    rl_initialize();
    rl_completion_append_character = 0;
}

/* The line being edited (for completion context). */
static inline const char *ceditline_line_buffer(void) { return rl_line_buffer; }
#endif
