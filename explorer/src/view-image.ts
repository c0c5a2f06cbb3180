/**
 * The view as a picture with what a reader needs to cite it: a title, the
 * legend (the kinds shown, with their colours), the date window and the
 * source documents' credits. The drawing is an SVG built from where the
 * graph draws each entity and line; the PNG is that SVG rasterised at twice
 * the size, so the two always agree.
 */
import type { Core } from 'cytoscape';
import { typeStyle } from './type-styles.js';

export interface ImageMeta {
  readonly title: string;
  /** "Years: 2010 – 2018", or "All years". */
  readonly window: string;
  /** Readable titles (with authors or publisher) of the documents the shown ties cite. */
  readonly credits: readonly string[];
}

const MARGIN = 30;
const HEADER = 64;
const LINE = 16;
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, sans-serif';

/** An SVG document of what is shown (hidden elements left out). */
export function viewSvg(cy: Core, meta: ImageMeta): string {
  const nodes = cy.nodes().not('.hidden');
  const edges = cy.edges().not('.hidden');
  const box = nodes.nonempty() ? cy.elements().not('.hidden').boundingBox({ includeLabels: true }) : { x1: 0, y1: 0, w: 400, h: 200 };
  const kinds = [...new Set(nodes.map((n) => String(n.data('type'))))].sort();
  const legendRows = Math.ceil(kinds.length / 3);
  const width = Math.max(box.w + 2 * MARGIN, 640);
  const footer = (legendRows + meta.credits.length + 3) * LINE + MARGIN;
  const height = HEADER + box.h + MARGIN + footer;
  const dx = MARGIN - box.x1 + (width - 2 * MARGIN - box.w) / 2;
  const dy = HEADER - box.y1;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${r(width)}" height="${r(height)}" viewBox="0 0 ${r(width)} ${r(height)}" font-family="${FONT}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${MARGIN}" y="30" font-size="18" font-weight="bold" fill="#1d2733">${esc(meta.title)}</text>`,
    `<text x="${MARGIN}" y="50" font-size="12" fill="#5b6775">${esc(meta.window)} · ${nodes.length} entities, ${edges.length} ties shown</text>`,
  ];
  edges.forEach((edge) => {
    const a = edge.source().position();
    const b = edge.target().position();
    const path = edge.hasClass('path');
    const colour = edge.selected() ? '#0a66d8' : path ? '#1b1b1f' : '#a9b4c0';
    const dash = edge.hasClass('derived') ? ' stroke-dasharray="6 3"' : '';
    parts.push(`<line x1="${r(a.x + dx)}" y1="${r(a.y + dy)}" x2="${r(b.x + dx)}" y2="${r(b.y + dy)}" stroke="${colour}" stroke-width="${path ? 4 : edge.hasClass('merged') ? 2.5 : 1.2}"${dash} opacity="${edge.hasClass('faded') ? 0.3 : 0.85}"/>`);
    const caption = String(edge.data('caption') ?? '').replaceAll('\u200B', '');
    if (caption && !edge.hasClass('label-hidden')) {
      parts.push(`<text x="${r((a.x + b.x) / 2 + dx)}" y="${r((a.y + b.y) / 2 + dy)}" font-size="9" text-anchor="middle" fill="#3b4653">${esc(caption)}</text>`);
    }
  });
  nodes.forEach((node) => {
    const p = node.position();
    const size = node.width();
    const style = typeStyle(String(node.data('type')));
    const stroke = node.hasClass('path') ? '#1b1b1f' : node.hasClass('focus') ? '#1d2733' : '#ffffff';
    parts.push(`<circle cx="${r(p.x + dx)}" cy="${r(p.y + dy)}" r="${r(size / 2)}" fill="${style.color}" stroke="${stroke}" stroke-width="${stroke === '#ffffff' ? 1.5 : 3}" opacity="${node.hasClass('faded') ? 0.3 : 1}"/>`);
    if (!node.hasClass('label-hidden')) {
      const lines = String(node.data('label')).replaceAll('\u200B', '').split('\n');
      lines.forEach((line, i) => {
        parts.push(`<text x="${r(p.x + dx)}" y="${r(p.y + dy + size / 2 + 12 + i * 13)}" font-size="11" text-anchor="middle" fill="#1d2733">${esc(line)}</text>`);
      });
    }
  });
  let y = HEADER + box.h + MARGIN + LINE;
  parts.push(`<text x="${MARGIN}" y="${r(y)}" font-size="12" font-weight="bold" fill="#1d2733">Legend</text>`);
  kinds.forEach((kind, i) => {
    const column = i % 3;
    const row = Math.floor(i / 3);
    const x = MARGIN + column * ((width - 2 * MARGIN) / 3);
    const ly = y + (row + 1) * LINE;
    parts.push(`<circle cx="${r(x + 6)}" cy="${r(ly - 4)}" r="6" fill="${typeStyle(kind).color}"/>`);
    parts.push(`<text x="${r(x + 18)}" y="${r(ly)}" font-size="11" fill="#1d2733">${esc(typeStyle(kind).label)}</text>`);
  });
  y += (legendRows + 1) * LINE;
  parts.push(`<text x="${MARGIN}" y="${r(y)}" font-size="11" fill="#5b6775">Dashed: ties derived from shared events, treaties or statements. Thick black: routes asked for.</text>`);
  y += LINE;
  parts.push(`<text x="${MARGIN}" y="${r(y)}" font-size="12" font-weight="bold" fill="#1d2733">Sources</text>`);
  for (const credit of meta.credits) {
    y += LINE;
    parts.push(`<text x="${MARGIN}" y="${r(y)}" font-size="11" fill="#1d2733">${esc(credit)}</text>`);
  }
  parts.push('</svg>');
  return parts.join('\n');
}

/** The SVG rasterised at `scale` (default twice), as a PNG blob. */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.min(8000, Math.round(image.naturalWidth * scale));
    canvas.height = Math.min(8000, Math.round(image.naturalHeight * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw on a canvas.');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => { if (blob) resolve(blob); else reject(new Error('The PNG could not be made.')); }, 'image/png');
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}

function r(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function esc(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
