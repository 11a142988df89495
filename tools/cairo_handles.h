// Owning handles for the cairo / pango / GLib objects the corpus tools create.
// Each wraps the object where it is acquired; all are move-only.
#ifndef DECLTAB_TOOLS_CAIRO_HANDLES_H_
#define DECLTAB_TOOLS_CAIRO_HANDLES_H_

#include <cairo.h>
#include <pango/pangocairo.h>

#include <glib-object.h>

#include <memory>

namespace decltab::tools {

struct CairoSurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using CairoSurfacePtr = std::unique_ptr<cairo_surface_t, CairoSurfaceDeleter>;

struct CairoDeleter {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
using CairoPtr = std::unique_ptr<cairo_t, CairoDeleter>;

struct GObjectDeleter {
  void operator()(void* object) const { g_object_unref(object); }
};
using PangoContextPtr = std::unique_ptr<PangoContext, GObjectDeleter>;
using PangoLayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;

struct FontDescriptionDeleter {
  void operator()(PangoFontDescription* d) const {
    pango_font_description_free(d);
  }
};
using FontDescriptionPtr =
    std::unique_ptr<PangoFontDescription, FontDescriptionDeleter>;

struct LayoutIterDeleter {
  void operator()(PangoLayoutIter* it) const { pango_layout_iter_free(it); }
};
using LayoutIterPtr = std::unique_ptr<PangoLayoutIter, LayoutIterDeleter>;

struct FontOptionsDeleter {
  void operator()(cairo_font_options_t* o) const {
    cairo_font_options_destroy(o);
  }
};
using FontOptionsPtr =
    std::unique_ptr<cairo_font_options_t, FontOptionsDeleter>;

}  // namespace decltab::tools

#endif  // DECLTAB_TOOLS_CAIRO_HANDLES_H_
