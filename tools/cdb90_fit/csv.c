/* csv.c — the CSV reader (RFC 4180 quoting) for CDB90's tables (tools/cdb90_fit). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdb90_fit.h"

/* ---- a small CSV reader (RFC 4180 quoting) ----------------------------- */


char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len < 2) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    if (buf)
        buf[len] = '\0';
    return buf;
}

int csv_read(const char *path, csv *c)
{
    memset(c, 0, sizeof *c);
    char *text = slurp(path);
    if (!text)
        return -1;
    int rcap = 256;
    c->rows = malloc(sizeof *c->rows * (size_t)rcap);
    c->ncols = malloc(sizeof *c->ncols * (size_t)rcap);
    const char *p = text;
    while (*p) {
        int fcap = 16, nf = 0;
        char **fields = malloc(sizeof *fields * (size_t)fcap);
        for (;;) {
            size_t cap = 32, len = 0;
            char *fld = malloc(cap);
            if (*p == '"') {
                p++;
                while (*p) {
                    if (*p == '"' && p[1] == '"') {
                        p++;
                    } else if (*p == '"') {
                        p++;
                        break;
                    }
                    if (len + 2 > cap)
                        fld = realloc(fld, cap *= 2);
                    fld[len++] = *p++;
                }
            }
            while (*p && *p != ',' && *p != '\n' && *p != '\r') {
                if (len + 2 > cap)
                    fld = realloc(fld, cap *= 2);
                fld[len++] = *p++;
            }
            fld[len] = '\0';
            if (nf == fcap)
                fields = realloc(fields, sizeof *fields * (size_t)(fcap *= 2));
            fields[nf++] = fld;
            if (*p == ',') {
                p++;
                continue;
            }
            break;
        }
        if (*p == '\r')
            p++;
        if (*p == '\n')
            p++;
        if (c->nrows == rcap) {
            rcap *= 2;
            c->rows = realloc(c->rows, sizeof *c->rows * (size_t)rcap);
            c->ncols = realloc(c->ncols, sizeof *c->ncols * (size_t)rcap);
        }
        c->rows[c->nrows] = fields;
        c->ncols[c->nrows] = nf;
        c->nrows++;
    }
    free(text);
    return 0;
}

void csv_free(csv *c)
{
    for (int i = 0; i < c->nrows; i++) {
        for (int j = 0; j < c->ncols[i]; j++)
            free(c->rows[i][j]);
        free(c->rows[i]);
    }
    free(c->rows);
    free(c->ncols);
}

int csv_col(const csv *c, const char *name)
{
    for (int j = 0; c->nrows > 0 && j < c->ncols[0]; j++)
        if (strcmp(c->rows[0][j], name) == 0)
            return j;
    return -1;
}

const char *csv_get(const csv *c, int row, int col)
{
    return (col >= 0 && col < c->ncols[row]) ? c->rows[row][col] : "";
}

double num_or_nan(const char *s)
{
    if (!s || !*s)
        return NAN;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    return (*end || errno) ? NAN : v;
}
