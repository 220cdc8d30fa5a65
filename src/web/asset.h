/*
 * asset.h — files built into the program: the stylesheet and the OpenAPI
 * document, served with long-lived caching and an ETag.
 */
#ifndef ALLIANCE_ASSET_H
#define ALLIANCE_ASSET_H

#include "http/request.h"

/* asset_style_version is a short hash of the stylesheet, for its address. */
const char *asset_style_version(void);

/* asset_style_page answers GET /static/style.css. */
void asset_style_page(struct request *r);

/* asset_openapi_page answers GET /api/v1/openapi.json. */
void asset_openapi_page(struct request *r);

#endif
