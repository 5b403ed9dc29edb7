/* report.c — one HTML file that holds the page, its code and the run.
 *
 * The built page (web/dist/index.html) names its script and style sheet by
 * path; each such tag is replaced by the file's text, and the run's document
 * goes in as <script id="hk-data" type="application/json"> before </head>.
 * The page reads #hk-data when present, so the file needs no server. Text
 * placed inside <script> or <style> must not close its element early, hence
 * the escaping of "</" below. */
#include "out/report.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "core/buf.h"
#include "out/json.h"

static bool starts_with_ci(const char *p, const char *end, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(end - p) < n)
        return false;
    return strncasecmp(p, word, n) == 0;
}

static const char *find_ci(const char *p, const char *end, const char *word)
{
    for (; p < end; p++)
        if (starts_with_ci(p, end, word))
            return p;
    return NULL;
}

/* Copies `text` into b with every `pattern` (case-insensitive) prefixed by
 * its first character and `\`: "</script" -> "<\/script". */
static void add_escaped(hk_buf *b, const char *text, size_t n, const char *pattern)
{
    const char *p = text, *end = text + n;
    while (p < end) {
        const char *hit = find_ci(p, end, pattern);
        if (!hit) {
            hk_buf_add(b, p, (size_t)(end - p));
            break;
        }
        hk_buf_add(b, p, (size_t)(hit - p) + 1);
        hk_buf_str(b, "\\");
        p = hit + 1;
    }
}

/* The value of attribute `name` in the tag text [tag, end), or false. */
static bool attr_value(const char *tag, const char *end, const char *name, char *out, size_t size)
{
    size_t n = strlen(name);
    for (const char *p = tag; p + n < end; p++) {
        if (p == tag || !isspace((unsigned char)p[-1]))
            continue;
        if (strncasecmp(p, name, n) != 0)
            continue;
        const char *q = p + n;
        while (q < end && isspace((unsigned char)*q))
            q++;
        if (q >= end || *q != '=')
            continue;
        q++;
        while (q < end && isspace((unsigned char)*q))
            q++;
        char quote = (q < end && (*q == '"' || *q == '\'')) ? *q++ : 0;
        const char *v = q;
        while (q < end && (quote ? *q != quote : !isspace((unsigned char)*q) && *q != '>'))
            q++;
        size_t len = (size_t)(q - v);
        if (len >= size)
            return false;
        memcpy(out, v, len);
        out[len] = '\0';
        return true;
    }
    return false;
}

/* "./assets/app.js", "/assets/app.js" -> the embedded "assets/app.js". */
static const hk_embedded_file *web_file(const hk_embedded_file *web, const char *ref)
{
    char path[512];
    snprintf(path, sizeof path, "%s", ref);
    path[strcspn(path, "?#")] = '\0';
    const char *p = path;
    while (p[0] == '.' && p[1] == '/')
        p += 2;
    while (*p == '/')
        p++;
    return hk_embedded_find(web, p);
}

static bool is_remote(const char *ref)
{
    return strncmp(ref, "http:", 5) == 0 || strncmp(ref, "https:", 6) == 0 || strncmp(ref, "//", 2) == 0 ||
           strncmp(ref, "data:", 5) == 0;
}

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

static void add_data(hk_buf *b, const json_t *doc)
{
    char *text = json_dumps(doc, HK_JSON_FLAGS);
    if (!text) {
        b->failed = true;
        return;
    }
    hk_buf_str(b, "<script id=\"hk-data\" type=\"application/json\">");
    /* JSON has '<' only inside strings, where "<\/" reads back as "</". */
    add_escaped(b, text, strlen(text), "</");
    hk_buf_str(b, "</script>\n");
    free(text);
}

char *hk_report_html(const hk_embedded_file *web, const json_t *doc, size_t *len, char *err, size_t errlen)
{
    const hk_embedded_file *index = web ? hk_embedded_find(web, "index.html") : NULL;
    if (!index) {
        set_err(err, errlen,
                "the web page is not built into this program; run 'make web' (or 'make build') and rebuild");
        return NULL;
    }
    const char *html = (const char *)index->data, *end = html + index->size;
    hk_buf b = {0};
    bool data_done = false;
    const char *p = html;
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt) {
            hk_buf_add(&b, p, (size_t)(end - p));
            break;
        }
        hk_buf_add(&b, p, (size_t)(lt - p));
        p = lt;
        const char *gt = memchr(p, '>', (size_t)(end - p));
        if (!gt) {
            hk_buf_add(&b, p, (size_t)(end - p));
            break;
        }
        const char *tag_end = gt + 1;
        char ref[512];
        if (!data_done && starts_with_ci(p, end, "</head")) {
            add_data(&b, doc);
            data_done = true;
            hk_buf_add(&b, p, (size_t)(tag_end - p));
        } else if (starts_with_ci(p, end, "<script") && attr_value(p, gt, "src", ref, sizeof ref) && !is_remote(ref)) {
            const hk_embedded_file *f = web_file(web, ref);
            if (!f) {
                set_err(err, errlen, "the web page refers to '%s', which is not in the built page; run 'make web'", ref);
                free(b.p);
                return NULL;
            }
            char type[64] = "";
            attr_value(p, gt, "type", type, sizeof type);
            hk_buf_str(&b, strcmp(type, "module") == 0 ? "<script type=\"module\">\n" : "<script>\n");
            add_escaped(&b, (const char *)f->data, f->size, "</script");
            hk_buf_str(&b, "\n</script>");
            const char *close = find_ci(tag_end, end, "</script>");
            tag_end = close ? close + strlen("</script>") : tag_end;
        } else if (starts_with_ci(p, end, "<link") && attr_value(p, gt, "href", ref, sizeof ref) && !is_remote(ref)) {
            char rel[64] = "";
            attr_value(p, gt, "rel", rel, sizeof rel);
            if (strcasecmp(rel, "stylesheet") == 0) {
                const hk_embedded_file *f = web_file(web, ref);
                if (!f) {
                    set_err(err, errlen, "the web page refers to '%s', which is not in the built page; run 'make web'",
                            ref);
                    free(b.p);
                    return NULL;
                }
                hk_buf_str(&b, "<style>\n");
                add_escaped(&b, (const char *)f->data, f->size, "</style");
                hk_buf_str(&b, "\n</style>");
            } else if (strcasecmp(rel, "modulepreload") != 0 && strcasecmp(rel, "preload") != 0) {
                /* Icons and the like: harmless if absent from disk. */
                hk_buf_add(&b, p, (size_t)(tag_end - p));
            }
        } else {
            hk_buf_add(&b, p, (size_t)(tag_end - p));
        }
        p = tag_end;
    }
    if (!data_done) {
        /* A page without </head>: the data goes last, still before any
         * module script runs (modules run after the document is parsed). */
        add_data(&b, doc);
    }
    if (b.failed) {
        free(b.p);
        set_err(err, errlen, "out of memory while assembling the report");
        return NULL;
    }
    *len = b.len;
    return b.p;
}

/* mkdir -p */
static int make_dirs(const char *dir, char *err, size_t errlen)
{
    char path[4096];
    if (snprintf(path, sizeof path, "%s", dir) >= (int)sizeof path) {
        set_err(err, errlen, "%s: path too long", dir);
        return -1;
    }
    for (char *p = path + 1;; p++) {
        if (*p == '/' || *p == '\0') {
            char c = *p;
            *p = '\0';
            if (mkdir(path, 0777) != 0 && errno != EEXIST) {
                set_err(err, errlen, "%s: cannot create the folder: %s", path, strerror(errno));
                return -1;
            }
            *p = c;
            if (c == '\0')
                break;
        }
    }
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        set_err(err, errlen, "%s: not a folder", dir);
        return -1;
    }
    return 0;
}

int hk_report_write(const char *dir, const hk_embedded_file *web, const json_t *doc, char *err, size_t errlen)
{
    size_t len;
    char *html = hk_report_html(web, doc, &len, err, errlen);
    if (!html)
        return -1;
    if (make_dirs(dir, err, errlen) != 0) {
        free(html);
        return -1;
    }
    char path[4200], tmp[4300];
    snprintf(path, sizeof path, "%s/index.html", dir);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        set_err(err, errlen, "%s: cannot write: %s", tmp, strerror(errno));
        free(html);
        return -1;
    }
    bool ok = fwrite(html, 1, len, f) == len;
    ok = (fclose(f) == 0) && ok;
    free(html);
    if (!ok || rename(tmp, path) != 0) {
        set_err(err, errlen, "%s: cannot write: %s", path, strerror(errno));
        remove(tmp);
        return -1;
    }
    return 0;
}
