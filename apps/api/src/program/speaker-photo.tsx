import { photoPath, type SpeakerPhoto } from '@palabre/speakers';

/** A photo as a page shows it: WebP for the browsers that read it, JPEG for the others. */
export interface PhotoModel {
  webp: string;
  jpeg: string;
  /** The JPEG of the middle size, for `src`. */
  src: string;
  alt: string;
}

export function photoModel(photo: SpeakerPhoto | null | undefined, alt: string): PhotoModel | null {
  if (!photo || photo.sizes.length === 0) return null;
  const srcset = (format: 'webp' | 'jpg') => photo.sizes.map((s) => `${photoPath(photo.hash, s.size, format)} ${s.width}w`).join(', ');
  const middle = photo.sizes.find((s) => s.size === 320) ?? photo.sizes[0];
  return { webp: srcset('webp'), jpeg: srcset('jpg'), src: photoPath(photo.hash, middle.size, 'jpg'), alt };
}

/** The round photo beside a bio (6rem, or 10rem when `large`); the browser picks the size its screen needs. */
export function Avatar(props: { photo: PhotoModel | null; large?: boolean }) {
  const { photo } = props;
  if (!photo) return null;
  const sizes = props.large ? '10rem' : '6rem';
  return (
    <picture>
      <source type="image/webp" srcset={photo.webp} sizes={sizes} />
      <img
        class={props.large ? 'avatar avatar-large' : 'avatar'}
        src={photo.src}
        srcset={photo.jpeg}
        sizes={sizes}
        alt={photo.alt}
        width={96}
        height={96}
        loading="lazy"
        decoding="async"
      />
    </picture>
  );
}
