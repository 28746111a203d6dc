/* Subcommands of the zhyp command line (src/cli). Each returns the process exit status. */
#ifndef ZHYP_CLI_H
#define ZHYP_CLI_H

int cmd_user(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_run_config(int argc, char **argv);   /* zhyp run --config */
int cmd_insns(int argc, char **argv);

/* Parse a count with an optional K/M/G suffix; returns 0 on success. */
int cli_parse_size(const char *s, unsigned long long *out);

#endif
