/* steward-metrics-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-metrics.h"

G_BEGIN_DECLS

/* Reads a metrics document, from the server or built by the client's
 * fallback, so both go through the same checks. MALFORMED_REPLY when it does
 * not have the shape of API.md. */
StewardMetrics *steward_metrics_new_from_document (JsonNode *document,
                                                   GError  **error);

G_END_DECLS
