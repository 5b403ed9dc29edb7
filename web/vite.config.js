// Vite builds the page into fixed names (dist/index.html, dist/assets/app.js,
// dist/assets/app.css) because the program embeds dist/ and the report
// inlines these files by name. Everything, map data included, goes into
// app.js: the page makes no request outside its own server.
import { defineConfig } from "vite";

export default defineConfig({
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 100000000,
    cssCodeSplit: false,
    modulePreload: false,
    reportCompressedSize: false,
    rollupOptions: {
      output: {
        entryFileNames: "assets/app.js",
        chunkFileNames: "assets/app-[name].js",
        assetFileNames: (info) => ((info.names?.[0] ?? info.name ?? "").endsWith(".css") ? "assets/app.css" : "assets/[name][extname]"),
        codeSplitting: false,
      },
    },
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:8080" },
  },
});
