/* steward-page-result.h
 *
 * One page of a paged list (routes 4 and 17): the items on this page and how
 * many items match in all, so a list can size itself before it has them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_PAGE_RESULT (steward_page_result_get_type ())

G_DECLARE_FINAL_TYPE (StewardPageResult, steward_page_result, STEWARD, PAGE_RESULT, GObject)

StewardPageResult *steward_page_result_new (GListModel *items,
                                            guint64     total);

GListModel *steward_page_result_get_items (StewardPageResult *self);
guint       steward_page_result_get_n_items (StewardPageResult *self);
guint64     steward_page_result_get_total (StewardPageResult *self);

G_END_DECLS
