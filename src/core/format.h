/* format.h — the message of a printf-like function as a string. */
#ifndef HK_FORMAT_H
#define HK_FORMAT_H

#include <stdarg.h>
#include <stdio.h>

/* Formats the arguments that follow `fmt` (the calling function's last named
 * parameter) into the char array `buf`, cut short to its size. A macro
 * because va_start must run in the variadic function itself. */
#define HK_FORMAT_ARGS(buf, fmt)                              \
    do {                                                      \
        va_list hk_format_ap_;                                \
        va_start(hk_format_ap_, fmt);                         \
        vsnprintf((buf), sizeof(buf), (fmt), hk_format_ap_);  \
        va_end(hk_format_ap_);                                \
    } while (0)

#endif
