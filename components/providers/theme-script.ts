// Lives outside the "use client" theme module: a server component importing a value from a client
// module receives a reference, not the string it needs to inline.
export const THEME_STORAGE_KEY = "hastecrm-theme";

/**
 * Runs in <head> before first paint, so a dark-theme user never sees a white flash while React loads.
 * Kept as a string because it must execute before any bundle does.
 */
export const themeScript = `(function(){try{var t=localStorage.getItem("${THEME_STORAGE_KEY}");var d=t==="dark"||(t!=="light"&&window.matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d);}catch(e){}})();`;
