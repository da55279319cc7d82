/* steward-change-recorder.h
 *
 * What a StewardClient calls around every write when it has a recorder
 * (steward_client_set_recorder()): record() before the request is sent,
 * and the client sends only once the recorder says the change is kept
 * durably; complete() with the server's answer before the caller hears
 * it. A write the recorder cannot keep is not sent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-change.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_CHANGE_RECORDER (steward_change_recorder_get_type ())

G_DECLARE_INTERFACE (StewardChangeRecorder, steward_change_recorder, STEWARD, CHANGE_RECORDER, GObject)

struct _StewardChangeRecorderInterface
{
  GTypeInterface parent_iface;

  /* Keeps @change (pending) and gives it its id; done only once it would
   * survive the process being killed. */
  void (*record_async) (StewardChangeRecorder *self,
                        StewardChange         *change,
                        GAsyncReadyCallback    callback,
                        gpointer               user_data);
  gboolean (*record_finish) (StewardChangeRecorder *self,
                             GAsyncResult          *result,
                             GError               **error);

  /* Keeps the result steward_change_finish() gave @change. */
  void (*complete_async) (StewardChangeRecorder *self,
                          StewardChange         *change,
                          GAsyncReadyCallback    callback,
                          gpointer               user_data);
  gboolean (*complete_finish) (StewardChangeRecorder *self,
                               GAsyncResult          *result,
                               GError               **error);
};

void     steward_change_recorder_record_async (StewardChangeRecorder *self,
                                               StewardChange         *change,
                                               GAsyncReadyCallback    callback,
                                               gpointer               user_data);
gboolean steward_change_recorder_record_finish (StewardChangeRecorder *self,
                                                GAsyncResult          *result,
                                                GError               **error);
void     steward_change_recorder_complete_async (StewardChangeRecorder *self,
                                                 StewardChange         *change,
                                                 GAsyncReadyCallback    callback,
                                                 gpointer               user_data);
gboolean steward_change_recorder_complete_finish (StewardChangeRecorder *self,
                                                  GAsyncResult          *result,
                                                  GError               **error);

G_END_DECLS
