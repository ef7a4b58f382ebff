package io.github.openrouter.spring.messages.model.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.Version;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.bean.PropertyValueBuffer;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.introspect.AnnotatedWithParams;

/**
 * Jackson module that creates records through Jackson's own creator but calls the constructor
 * through a method handle adapted once to take the argument array: Jackson 3 calls it with
 * {@code MethodHandle.invokeWithArguments}, which adapts the handle again on every call. The
 * client registers it on its mapper; models read the same with or without it.
 *
 * <p>
 * Measured with {@code DecodeBenchmark} ({@code benchmarks/README.md}): it saves about 30 % of the
 * bytes allocated to decode the ~1 KB answer or one delta event.
 *
 * @since 0.1.0
 */
public final class RecordCreatorModule extends JacksonModule {

	@Override
	public String getModuleName() {
		return RecordCreatorModule.class.getName();
	}

	@Override
	public Version version() {
		return Version.unknownVersion();
	}

	@Override
	public void setupModule(SetupContext context) {
		context.addValueInstantiators(new ValueInstantiators() {

			@Override
			public @Nullable ValueInstantiator findValueInstantiator(DeserializationConfig config,
					BeanDescription.Supplier bean) {
				return null;
			}

			@Override
			public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
					BeanDescription.Supplier bean, ValueInstantiator standard) {
				return bean.getBeanClass().isRecord() ? ArrayCreatorInstantiator.wrap(standard) : standard;
			}

		});
	}

	/**
	 * Jackson's standard instantiator with the record constructor called through the adapted
	 * handle. When the constructor throws, the call is repeated through the standard instantiator
	 * so that the error is reported exactly as without this module.
	 */
	private static final class ArrayCreatorInstantiator extends ValueInstantiator.Delegating {

		private final MethodHandle creator;

		private ArrayCreatorInstantiator(ValueInstantiator standard, MethodHandle creator) {
			super(standard);
			this.creator = creator;
		}

		static ValueInstantiator wrap(ValueInstantiator standard) {
			MethodHandle creator = arrayCreator(standard);
			return (creator != null) ? new ArrayCreatorInstantiator(standard, creator) : standard;
		}

		private static @Nullable MethodHandle arrayCreator(ValueInstantiator standard) {
			AnnotatedWithParams withArgs = standard.getWithArgsCreator();
			if (!standard.canCreateFromObjectWith() || !(withArgs instanceof AnnotatedConstructor constructor)) {
				return null;
			}
			Constructor<?> annotated = constructor.getAnnotated();
			try {
				return MethodHandles.publicLookup()
					.unreflectConstructor(annotated)
					.asSpreader(Object[].class, annotated.getParameterCount())
					.asType(MethodType.methodType(Object.class, Object[].class));
			}
			catch (IllegalAccessException ex) {
				return null;
			}
		}

		@Override
		public ValueInstantiator createContextual(DeserializationContext context, BeanDescription.Supplier bean) {
			ValueInstantiator standard = delegate().createContextual(context, bean);
			return (standard != delegate()) ? wrap(standard) : this;
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, SettableBeanProperty[] properties,
				PropertyValueBuffer buffer) {
			return createFromObjectWith(context, buffer.getParameters(context, properties));
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, Object[] arguments) {
			try {
				return (Object) this.creator.invokeExact(arguments);
			}
			catch (Error ex) {
				throw ex;
			}
			catch (Throwable ex) {
				return delegate().createFromObjectWith(context, arguments);
			}
		}

	}

}
