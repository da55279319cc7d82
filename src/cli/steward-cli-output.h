/* steward-cli-output.h
 *
 * Text for people: tables whose columns are as wide as their widest cell
 * (measured in terminal cells, so "Zoë" and "李娜" line up), counts with
 * thousands separators ("1,320 users"), local times, and cells cleaned of
 * control characters so a hostile name cannot drive the terminal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  STEWARD_CLI_ALIGN_LEFT,
  STEWARD_CLI_ALIGN_RIGHT,
} StewardCliAlign;

typedef struct _StewardCliTable StewardCliTable;

StewardCliTable *steward_cli_table_new (guint n_columns);
void             steward_cli_table_free (StewardCliTable *table);

/* @n_columns strings follow; a NULL cell stays empty. */
void  steward_cli_table_set_header (StewardCliTable *table,
                                    ...);
void  steward_cli_table_add_row (StewardCliTable *table,
                                 ...);
void  steward_cli_table_set_align (StewardCliTable *table,
                                   guint            column,
                                   StewardCliAlign  align);
guint steward_cli_table_get_n_rows (StewardCliTable *table);

/* Every line ends in '\n' and none ends in spaces. */
char *steward_cli_table_render (StewardCliTable *table);

/* How many terminal cells @text takes: wide (East Asian) characters count
 * two, combining marks none. */
gsize steward_cli_display_width (const char *text);

/* @text as valid UTF-8 with every control character (newlines, escapes,
 * tabs) replaced by U+FFFD. NULL becomes "". */
char *steward_cli_sanitize (const char *text);

/* 1320 → "1,320" (the locale's separator where it has one). */
char *steward_cli_format_count (guint64 count);

/* "2026-11-27 16:27" in local time; NULL for NULL. */
char *steward_cli_format_time (GDateTime *time);

/* Writes @text to stdout unchanged (UTF-8, whatever the locale). */
void steward_cli_print (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardCliTable, steward_cli_table_free)

G_END_DECLS
