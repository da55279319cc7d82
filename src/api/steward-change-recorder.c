/* steward-change-recorder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-change-recorder.h"

G_DEFINE_INTERFACE (StewardChangeRecorder, steward_change_recorder, G_TYPE_OBJECT)

static void
steward_change_recorder_default_init (StewardChangeRecorderInterface *iface)
{
}

void
steward_change_recorder_record_async (StewardChangeRecorder *self,
                                      StewardChange         *change,
                                      GAsyncReadyCallback    callback,
                                      gpointer               user_data)
{
  g_return_if_fail (STEWARD_IS_CHANGE_RECORDER (self));
  g_return_if_fail (STEWARD_IS_CHANGE (change));

  STEWARD_CHANGE_RECORDER_GET_IFACE (self)->record_async (self, change, callback, user_data);
}

gboolean
steward_change_recorder_record_finish (StewardChangeRecorder *self,
                                       GAsyncResult          *result,
                                       GError               **error)
{
  g_return_val_if_fail (STEWARD_IS_CHANGE_RECORDER (self), FALSE);

  return STEWARD_CHANGE_RECORDER_GET_IFACE (self)->record_finish (self, result, error);
}

void
steward_change_recorder_complete_async (StewardChangeRecorder *self,
                                        StewardChange         *change,
                                        GAsyncReadyCallback    callback,
                                        gpointer               user_data)
{
  g_return_if_fail (STEWARD_IS_CHANGE_RECORDER (self));
  g_return_if_fail (STEWARD_IS_CHANGE (change));

  STEWARD_CHANGE_RECORDER_GET_IFACE (self)->complete_async (self, change, callback, user_data);
}

gboolean
steward_change_recorder_complete_finish (StewardChangeRecorder *self,
                                         GAsyncResult          *result,
                                         GError               **error)
{
  g_return_val_if_fail (STEWARD_IS_CHANGE_RECORDER (self), FALSE);

  return STEWARD_CHANGE_RECORDER_GET_IFACE (self)->complete_finish (self, result, error);
}
