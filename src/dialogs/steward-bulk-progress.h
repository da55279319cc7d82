/* steward-bulk-progress.h
 *
 * The progress of a StewardBulkRun as every dialog that applies one shows
 * it: a bar with "3 of 12, about 5 s left".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "steward-bulk-run.h"

G_BEGIN_DECLS

/* Shows @run's progress on @bar now and as it goes on. */
void steward_bulk_progress_follow (GtkProgressBar *bar,
                                   StewardBulkRun *run);

G_END_DECLS
