/**
 * A track's colour. The CSP allows no inline style, so the colour is an SVG presentation
 * attribute (`fill`), which is not a style; the stylesheet sizes and places the swatch.
 */
export function TrackSwatch(props: { colour: string | undefined | null; class?: string }) {
  const colour = props.colour && /^#[0-9a-f]{3,8}$/i.test(props.colour) ? props.colour : 'transparent';
  return (
    <svg class={props.class ?? 'pe-swatch'} viewBox="0 0 1 1" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect width="1" height="1" fill={colour} />
    </svg>
  );
}
