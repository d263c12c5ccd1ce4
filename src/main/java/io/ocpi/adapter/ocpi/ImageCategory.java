package io.ocpi.adapter.ocpi;

/** ImageCategory OpenEnum: what an image shows. */
public final class ImageCategory extends OpenEnum {

    private static final Values<ImageCategory> VALUES = new Values<>(ImageCategory.class, ImageCategory::new);

    public static final ImageCategory CHARGER = VALUES.known("CHARGER");
    public static final ImageCategory ENTRANCE = VALUES.known("ENTRANCE");
    public static final ImageCategory LOCATION = VALUES.known("LOCATION");
    public static final ImageCategory NETWORK = VALUES.known("NETWORK");
    public static final ImageCategory OPERATOR = VALUES.known("OPERATOR");
    public static final ImageCategory OTHER = VALUES.known("OTHER");
    public static final ImageCategory OWNER = VALUES.known("OWNER");

    private ImageCategory(String name) {
        super(name);
    }

    /** The value of the name, known or not. */
    public static ImageCategory of(String name) {
        return VALUES.of(name);
    }

    /**
     * The known value of the name.
     *
     * @throws IllegalArgumentException when the specification names no such value
     */
    public static ImageCategory valueOf(String name) {
        return VALUES.valueOf(name);
    }

    /** The known values. */
    public static ImageCategory[] values() {
        return VALUES.all().toArray(ImageCategory[]::new);
    }
}
