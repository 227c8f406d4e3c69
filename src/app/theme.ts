// A calm, dense theme for people who look at it all day: muted blue-slate primary, the warm amber
// of a porch light as the accent. Light, dark, or as the system says (`prefers-color-scheme`), as
// chosen in Settings › Appearance and remembered on this computer; the scheme in force is a class
// on <html> (`theme-light`, `theme-dark`) that switches the CSS variables (and map.css).
import { createTheme, type ThemeOptions } from '@mui/material/styles'

const themeOptions: ThemeOptions = {
  cssVariables: { colorSchemeSelector: '.theme-%s' },
  colorSchemes: {
    light: {
      palette: {
        primary: { main: '#2d5b82', dark: '#1f4260', light: '#5a82a6', contrastText: '#ffffff' },
        secondary: { main: '#9a5b00', contrastText: '#ffffff' },
        background: { default: '#f4f6f8', paper: '#ffffff' },
        text: { primary: '#1c2530', secondary: '#4f5b67' },
        divider: 'rgba(28, 37, 48, 0.12)',
        success: { main: '#2e7d4f' },
        warning: { main: '#a15c00' },
        error: { main: '#b3261e' },
        info: { main: '#2d6a9f' },
      },
    },
    dark: {
      palette: {
        primary: { main: '#93bde3', dark: '#6b9cc9', light: '#b7d4ee', contrastText: '#0d1a26' },
        secondary: { main: '#f0b35a', contrastText: '#1d1200' },
        background: { default: '#0f1419', paper: '#161d24' },
        text: { primary: '#e3e8ed', secondary: '#a7b2bd' },
        divider: 'rgba(227, 232, 237, 0.14)',
        success: { main: '#78c896' },
        warning: { main: '#f0b35a' },
        error: { main: '#f2a19b' },
        info: { main: '#93bde3' },
      },
    },
  },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily: 'Roboto, "Segoe UI", system-ui, -apple-system, sans-serif',
    h1: { fontSize: '1.5rem', fontWeight: 500, lineHeight: 1.3 },
    h2: { fontSize: '1.05rem', fontWeight: 500, lineHeight: 1.4 },
    h3: {
      fontSize: '0.8rem',
      fontWeight: 500,
      letterSpacing: '0.06em',
      textTransform: 'uppercase',
    },
    button: { textTransform: 'none', fontWeight: 500 },
  },
  components: {
    MuiButtonBase: { defaultProps: { disableRipple: false } },
    MuiAppBar: { defaultProps: { elevation: 0, color: 'default' } },
    MuiPaper: { defaultProps: { elevation: 0 } },
    MuiTooltip: { defaultProps: { arrow: true, enterDelay: 400 } },
    // Holds its rows' screen-reader-only text, so that text scrolls with the table, not the window.
    MuiTableContainer: { styleOverrides: { root: { position: 'relative' } } },
    MuiTableCell: {
      styleOverrides: {
        head: ({ theme }) => ({
          fontWeight: 500,
          color: theme.vars.palette.text.secondary,
          whiteSpace: 'nowrap',
        }),
      },
    },
    MuiCssBaseline: {
      styleOverrides: (theme) => ({
        // Keyboard users must always see where they are; MUI's ripple alone is not enough.
        ':focus-visible': {
          outline: `2px solid ${theme.vars.palette.primary.main}`,
          outlineOffset: 2,
        },
        kbd: {
          fontFamily: 'inherit',
          fontSize: '0.75rem',
          padding: '1px 6px',
          borderRadius: 4,
          border: `1px solid ${theme.vars.palette.divider}`,
          background: theme.vars.palette.background.paper,
          color: theme.vars.palette.text.primary,
          whiteSpace: 'nowrap',
        },
      }),
    },
  },
}

/**
 * The theme in the language spoken: MUI's and the Data Grid's own words (a table's footer, a
 * menu's labels) come from their locale packs, the pseudo-locale's from English made pseudo.
 */
export function themeIn(...locales: object[]) {
  return createTheme(themeOptions, ...locales)
}
