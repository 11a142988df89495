// Renders UTF-8 text with Pango into a grey cv::Mat (black on white), for
// OCR tests that need strings the committed sample cells do not hold.
#ifndef DECLTAB_TESTS_EXTRACT_RENDER_TEXT_LINE_H_
#define DECLTAB_TESTS_EXTRACT_RENDER_TEXT_LINE_H_

#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

namespace decltab::extract {

// `font` is a Pango description ("Noto Serif CJK SC 32px"); lines split at
// '\n'. The image has `margin` white pixels around the text's extent.
inline cv::Mat RenderTextLine(const std::string& text, const std::string& font,
                              int margin = 12) {
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> probe(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1), cairo_surface_destroy);
  std::unique_ptr<cairo_t, decltype(&cairo_destroy)> probe_cr(cairo_create(probe.get()),
                                                              cairo_destroy);
  std::unique_ptr<PangoLayout, decltype(&g_object_unref)> measure(
      pango_cairo_create_layout(probe_cr.get()), g_object_unref);
  std::unique_ptr<PangoFontDescription, decltype(&pango_font_description_free)> desc(
      pango_font_description_from_string(font.c_str()), pango_font_description_free);
  pango_layout_set_font_description(measure.get(), desc.get());
  pango_layout_set_text(measure.get(), text.c_str(), -1);
  int w = 0, h = 0;
  pango_layout_get_pixel_size(measure.get(), &w, &h);

  const int width = w + 2 * margin, height = h + 2 * margin;
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height), cairo_surface_destroy);
  std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()),
                                                        cairo_destroy);
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_set_source_rgb(cr.get(), 0, 0, 0);
  cairo_move_to(cr.get(), margin, margin);
  std::unique_ptr<PangoLayout, decltype(&g_object_unref)> layout(
      pango_cairo_create_layout(cr.get()), g_object_unref);
  pango_layout_set_font_description(layout.get(), desc.get());
  pango_layout_set_text(layout.get(), text.c_str(), -1);
  pango_cairo_show_layout(cr.get(), layout.get());
  cairo_surface_flush(surface.get());
  const cv::Mat bgra(height, width, CV_8UC4, cairo_image_surface_get_data(surface.get()),
                     cairo_image_surface_get_stride(surface.get()));
  cv::Mat grey;
  cv::cvtColor(bgra, grey, cv::COLOR_BGRA2GRAY);
  return grey;
}

}  // namespace decltab::extract

#endif  // DECLTAB_TESTS_EXTRACT_RENDER_TEXT_LINE_H_
