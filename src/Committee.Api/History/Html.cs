using System.Net;
using System.Text;

namespace Committee.History;

/// <summary>Plain server-rendered pages: no script, no external resource, readable in any browser and by a screen reader.</summary>
public static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static IResult Page(string title, string body) => Results.Content($$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(title)}} · Committee</title>
        <style>
          body { font: 1rem/1.5 system-ui, sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem; color: #1a1a1a; }
          table { border-collapse: collapse; width: 100%; }
          th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid #ccc; }
          ins { background: #d7f5dd; text-decoration: underline; }
          del { background: #fbdada; }
          .paragraph { margin: 1rem 0; padding-left: .75rem; border-left: 4px solid #ccc; }
          .added { border-color: #2e7d32; } .removed { border-color: #c62828; } .changed { border-color: #f9a825; }
          a { color: #0b57d0; } nav a { margin-right: 1rem; }
          .paragraphs { list-style: none; padding-left: 0; } .ref { font-weight: bold; margin-right: .5rem; }
        </style>
        </head>
        <body>
        <main>
        {{body}}
        </main>
        </body>
        </html>
        """, "text/html; charset=utf-8", Encoding.UTF8);

    public static IResult NotFound(string what) =>
        Results.Content($"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body><main><h1>Not found</h1><p>{E(what)}</p></main></body></html>",
            "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status404NotFound);
}
