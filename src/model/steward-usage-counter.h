/* steward-usage-counter.h
 *
 * Anonymous counts of which controls people use, sent to the server
 * (route 16) only after they opt in. Only control names and counts are
 * kept and sent: never who used them, never what they were used on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-client.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_USAGE_COUNTER (steward_usage_counter_get_type ())

G_DECLARE_FINAL_TYPE (StewardUsageCounter, steward_usage_counter, STEWARD, USAGE_COUNTER, GObject)

StewardUsageCounter *steward_usage_counter_new (void);

/* Off by default. Turning it off forgets what was counted and not sent. */
gboolean steward_usage_counter_get_enabled (StewardUsageCounter *self);
void     steward_usage_counter_set_enabled (StewardUsageCounter *self,
                                            gboolean             enabled);

/* Counts one use of @control (a short stable name such as "new-user");
 * does nothing while disabled. */
void steward_usage_counter_record (StewardUsageCounter *self,
                                   const char          *control);
/* How many uses are waiting to be sent, or of one control. */
guint steward_usage_counter_get_pending (StewardUsageCounter *self,
                                         const char          *control);

/* Sends what is pending to @client's server and forgets it once the server
 * took it. A server without route 16 gets nothing, now or later (the
 * counter turns itself off for it). Nothing pending: finishes at once. */
void     steward_usage_counter_send_async (StewardUsageCounter *self,
                                           StewardClient       *client,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean steward_usage_counter_send_finish (StewardUsageCounter *self,
                                            GAsyncResult        *result,
                                            GError             **error);

G_END_DECLS
